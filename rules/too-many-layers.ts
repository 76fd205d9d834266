import type { Rule } from '../src/engine/rule.js';

/** Lambda's quota of layers per function. */
const MAX_LAYERS = 5;

export const rule: Rule = {
  code: 'LL1019',
  name: 'too-many-layers',
  defaultLevel: 'error',
  summary: 'The function uses more than 5 layers.',
  fact: 'A function can use at most 5 layers (a Lambda quota that cannot be raised).',
  lambdaError: 'InvalidParameterValueException from CreateFunction or UpdateFunctionConfiguration (the API rejects a sixth layer)',
  check({ model, report }) {
    const layers = model.parts.filter((part) => !part.primary).length;
    if (layers <= MAX_LAYERS) {
      return;
    }

    report({
      message:
        `The function uses ${layers} layers; Lambda allows at most ${MAX_LAYERS}, so the API rejects the function's ` +
        'configuration with InvalidParameterValueException.',
      fix: 'Merge layers that are always used together into one zip, or move their content into the function package.',
      detail: String(layers),
    });
  },
};
