import type { Rule } from '../src/engine/rule.js';
import { classInJar, handlerNotFoundError, missingHandlerTarget, nestedHandlerCopies } from './handler-rules.js';

/** A Handler of the right form per family, for the fix when none was given. */
const HANDLER_EXAMPLES: Record<string, string> = {
  java: 'com.example.Handler::handleRequest',
  dotnet: 'MyFunction::MyFunction.Function::FunctionHandler',
  go: 'main',
};

export const rule: Rule = {
  code: 'LL1015',
  name: 'handler-not-found',
  defaultLevel: 'error',
  summary: 'The file or class that Handler names does not exist in the package (managed runtimes and go1.x).',
  fact: 'Managed runtimes load the handler module from /var/task: Node.js `dir/file.export` from file.js, .mjs or .cjs, Python `pkg.mod.func` from pkg/mod.py, Ruby `file.method` from file.rb, Java `pkg.Class::method` from the class at the root or in a jar under lib/, .NET `Assembly::Type::Method` from Assembly.dll; go1.x executes /var/task/<Handler>.',
  lambdaError: "Runtime.ImportModuleError: Error: Cannot find module 'index' (Node.js); Unable to import module (Python); fork/exec /var/task/main: no such file or directory (go1.x)",
  check({ model, report }) {
    const target = missingHandlerTarget(model);
    if (target === null) {
      const runtime = model.settings.runtime;
      const applies = model.settings.kind === 'function' && runtime.handler !== 'bootstrap';
      if (applies && model.entrypoint.path === null) {
        const handler = model.settings.handler ?? '';
        if (runtime.family === 'java' || runtime.family === 'dotnet' || runtime.family === 'go' || handler !== '') {
          const handlerGiven = handler !== '';
          report({
            message: handlerGiven
              ? `The Handler "${handler}" has no "file.function" form for ${runtime.id}: every invoke fails with Runtime.MalformedHandlerName ("Bad handler '${handler}'").`
              : `No Handler was given, and ${runtime.id} has no default one, so lambda-lint cannot tell which file Lambda loads.`,
            fix: handlerGiven
              ? 'Set the Handler to the module and the function, e.g. `index.handler` (Node.js), `app.lambda_handler` (Python), `com.example.Handler::handleRequest` (Java).'
              : `Pass the function's Handler with --handler, e.g. \`${HANDLER_EXAMPLES[runtime.family] ?? HANDLER_EXAMPLES.java}\`.`,
            ...(handlerGiven ? { detail: handler } : {}),
          });
        }
      }
      return;
    }
    if (nestedHandlerCopies(model, target).length > 0) {
      return;
    }
    if (classInJar(model, target) !== null) {
      return;
    }

    const runtime = model.settings.runtime;
    // Lambda has no default Handler for a zip function: lambda-lint assumed the one the console fills in.
    const assumed = model.settings.handler === null;
    const defaultNote = assumed ? ` (assumed: the Handler the Lambda console fills in for new ${runtime.id} functions)` : '';
    const typescript = target.candidates
      .map((candidate) => candidate.replace(/\.(js|mjs|cjs)$/, '.ts'))
      .find((candidate) => runtime.family === 'nodejs' && model.fileSystem.resolve(candidate).status === 'found');
    const typescriptNote = typescript === undefined ? '' : ` The package has ${typescript.slice('/var/task/'.length)}: TypeScript must be compiled to JavaScript (tsc, esbuild) before zipping.`;
    let fix = 'Make the Handler match the file, or zip the file at the package root: run `zip -r function.zip .` inside the build folder.';
    if (runtime.family === 'java') {
      fix = 'Make the Handler match the class, and ship the class at the root or in a jar under lib/ (`mvn package` with the shade or assembly plugin).';
    } else if (runtime.family === 'go') {
      fix = `Build the executable with the Handler's name: \`GOOS=linux GOARCH=amd64 CGO_ENABLED=0 go build -o ${target.handler}\`, then zip it at the root.`;
    }
    if (assumed) {
      fix += ' If the function has another Handler, pass it with --handler; to check a layer, pass --kind layer.';
    }
    report({
      message:
        `The Handler "${target.handler}"${defaultNote} needs ${target.description} in the package, and there is none: ` +
        `every invoke fails with ${handlerNotFoundError(model, target)}.${typescriptNote}`,
      fix,
      detail: target.handler,
    });
  },
};
