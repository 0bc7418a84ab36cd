// A Go text/template engine with kubectl's function set, for -o go-template / --template.
//   const t = parseGoTemplate('{{range .items}}{{.metadata.name}} {{end}}');  // TemplateParseError
//   t.execute(obj, (s) => out.write(s), { missingKeyError: false });            // TemplateExecError
// Output is written as execution goes, so a failing template leaves what it printed before.
import { State } from './exec.ts';
import { KUBECTL_FUNCS } from './funcs.ts';
import type { GoFunc } from './funcs.ts';
import { parseTemplate } from './parse.ts';
import type { Tree } from './parse.ts';

export { TemplateExecError } from './exec.ts';
export { TemplateParseError } from './parse.ts';
export { formatValue } from './fmt.ts';
export { fromJson } from './value.ts';

export interface ExecuteOptions {
  /** missingkey=error (kubectl: --allow-missing-template-keys=false). */
  missingKeyError?: boolean;
}

export class GoTemplate {
  constructor(
    readonly name: string,
    readonly text: string,
    private readonly trees: Map<string, Tree>,
    private readonly funcs: Record<string, GoFunc>,
  ) {}

  /** Runs the template on decoded JSON; throws TemplateExecError with upstream's message. */
  execute(data: unknown, write: (s: string) => void, options: ExecuteOptions = {}): void {
    const env = { text: this.text, parseName: this.name, trees: this.trees, funcs: this.funcs, missingKeyError: !!options.missingKeyError, write };
    State.execute(env, this.name, data);
  }

  /** The output as a string (for tests and small uses). */
  render(data: unknown, options: ExecuteOptions = {}): string {
    let out = '';
    this.execute(data, (s) => (out += s), options);
    return out;
  }
}

/** Parses a template named `name` ("output", as kubectl names it) with kubectl's functions. */
export function parseGoTemplate(text: string, name = 'output', funcs: Record<string, GoFunc> = KUBECTL_FUNCS): GoTemplate {
  const trees = new Map<string, Tree>();
  parseTemplate(name, text, (f) => Object.hasOwn(funcs, f), trees);
  return new GoTemplate(name, text, trees, funcs);
}
