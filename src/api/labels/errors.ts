/**
 * A selector that does not parse, convert or validate. `message` is upstream's error text verbatim:
 * kube-apiserver answers a list or watch with it as a 400 BadRequest (see predicate.ts).
 */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}
