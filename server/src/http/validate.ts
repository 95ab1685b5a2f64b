// Routes parse their body and query here, then hand typed input to a service: the parsing itself
// (zod issues as coded problems in two languages) is the domain's, domain/parse-input.ts.
export { parseInput } from '../domain/parse-input.js';
