// What a person reads, in the two languages the product speaks. The server keeps both and answers
// in the request's language (http/request-language.ts); codes, paths, rows and columns stay one.

export type Language = 'en' | 'zh';

export interface Words {
  en: string;
  zh: string;
}

/** "1 problem" / "3 problems": English counts agree in number, Chinese ones do not. */
export function counted(count: number, one: string, many: string, zhUnit: string): Words {
  return { en: `${count} ${count === 1 ? one : many}`, zh: `${count} ${zhUnit}` };
}
