// A TypeScript language service over one in-memory file in test/client (it
// imports the client from ../../src), for the tests that check what an editor
// shows on hover and what compiles under stricter consumer settings.
import path from "node:path";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface Probe {
  /** What the editor shows on hover at the end of `needle` (its first occurrence). */
  hover(needle: string): string;
  /** Compiler errors of the file, as "TSxxxx: message" lines. */
  errors(): string[];
}

export function probe(text: string, extra: ts.CompilerOptions = {}): Probe {
  const file = path.join(root, "test", "client", "__probe__.ts");
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2024.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    ...extra,
  };
  const read = (f: string) => (f === file ? text : ts.sys.readFile(f));
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => {
      const content = read(f);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f === file || ts.sys.fileExists(f),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  return {
    hover(needle) {
      const at = text.indexOf(needle);
      if (at < 0) throw new Error(`${needle} is not in the probe`);
      return ts.displayPartsToString(service.getQuickInfoAtPosition(file, at + needle.length - 1)?.displayParts);
    },
    errors() {
      const diagnostics = [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)];
      return diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    },
  };
}
