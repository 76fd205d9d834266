import type { Rule } from '../src/engine/rule.js';
import { allEntries } from './support.js';

/** Class file major version of Java 8 is 52; each later release adds one (11 = 55, 17 = 61, 21 = 65). */
const JAVA_8_CLASS_VERSION = 52;

export const rule: Rule = {
  code: 'LL5301',
  name: 'java-class-version-too-new',
  defaultLevel: 'error',
  summary: "A class (the handler class inside a jar, or a class file in the package) is compiled for a newer Java than the runtime's.",
  fact: 'A JVM loads class files up to its own version only: Java 8 reads class file version 52, Java 11 reads 55, Java 17 reads 61, Java 21 reads 65, Java 25 reads 69.',
  lambdaError: 'java.lang.UnsupportedClassVersionError: ... has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0',
  check({ model, report }) {
    const runtime = model.settings.runtime;
    const javaVersion = Number(runtime.language?.version);
    if (runtime.family !== 'java' || Number.isNaN(javaVersion)) {
      return;
    }
    const highest = JAVA_8_CLASS_VERSION + (javaVersion - 8);

    for (const analyzed of allEntries(model)) {
      const found: Array<[string, number]> = [];
      if (analyzed.content?.javaClassVersion !== undefined) {
        found.push([analyzed.entry.name, analyzed.content.javaClassVersion]);
      }
      for (const [member, version] of Object.entries(analyzed.nestedClassVersions ?? {})) {
        found.push([`${analyzed.entry.name}!/${member}`, version]);
      }

      for (const [name, version] of found) {
        if (version <= highest) {
          continue;
        }
        const builtFor = version - JAVA_8_CLASS_VERSION + 8;
        report({
          entry: analyzed,
          message:
            `${name} is compiled for Java ${builtFor} (class file version ${version}), but ${runtime.id} runs Java ${javaVersion}, ` +
            `which reads class files up to version ${highest}: loading it fails with java.lang.UnsupportedClassVersionError.`,
          fix:
            `Compile for Java ${javaVersion}: \`javac --release ${javaVersion}\`, \`<maven.compiler.release>${javaVersion}</maven.compiler.release>\` ` +
            `in Maven, or \`options.release = ${javaVersion}\` in Gradle; or move the function to a runtime for Java ${builtFor} or later.`,
          detail: `class file version ${version}`,
        });
        break;
      }
    }
  },
};
