// The API's shapes, taken from the server's contract as types only: no server code reaches the browser.
export type { Me } from '@contract/users';
export type { Role } from '@contract/common';
export type { City, Institution } from '@contract/reference';
export type { Receipt, ReportSummary } from '@contract/reports';
export type { Matrix } from '@contract/matrix';

export interface ProblemItem {
  code: string;
  message: string;
  path?: string;
  row?: number;
  column?: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: ProblemItem[];
}

export interface ItemList<T> {
  items: T[];
  total?: number;
}
