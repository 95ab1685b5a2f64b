// The API's shapes, taken from the server's contract as types only: no server code reaches the browser.
export type { Me } from '@contract/users';
export type { Role } from '@contract/common';
export type { City, Institution } from '@contract/reference';
export type { Receipt, ReportSummary } from '@contract/reports';
export type { Matrix } from '@contract/matrix';
export type { ProblemItem } from '@contract/common';
import type { Problem as ApiProblem } from '@contract/common';

/** A problem from the API, or one the client makes up when the server cannot be reached. */
export type Problem = Partial<ApiProblem> & Pick<ApiProblem, 'title' | 'status'>;

export interface ItemList<T> {
  items: T[];
  total?: number;
}
