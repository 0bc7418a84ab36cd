// Duplicate keys in a JSON document, for strict field validation: JSON.parse (like Go) keeps the
// last value silently; kube-apiserver's strict decoder reports `duplicate field "spec.replicas"`.
// A single pass over the text, called only when fieldValidation asks for it.

/** Paths (`spec.template.spec.containers[0].name`) of keys that appear twice in one object. */
export function duplicateKeyPaths(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const value = (path: string): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        const key = readString();
        if (seen.has(key)) found.push(join(path, key));
        seen.add(key);
        skipSpace();
        i++; // colon
        value(join(path, key));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // closing brace
        return;
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // closing bracket
        return;
      }
    }
    if (c === '"') {
      readString();
      return;
    }
    // numbers, true, false, null
    while (i < text.length && !',}] \n\r\t'.includes(text[i]!)) i++;
  };
  value('');
  return found;
}
