import { z } from 'zod';
import { slug } from './common.js';

export const institutionKind = z.enum(['wallet', 'bank', 'network', 'other']);

export const institution = z.strictObject({
  id: slug,
  name: z.string().min(1).max(200),
  nameZh: z.string().min(1).max(200),
  kind: institutionKind,
  group: slug,
  systemic: z.boolean(),
  active: z.boolean(),
});
export type Institution = z.infer<typeof institution>;

export const newInstitution = institution.extend({ active: z.boolean().default(true) });
export const institutionPatch = institution.omit({ id: true }).partial();

export const city = z.object({
  code: z.string(),
  name: z.string(),
  nameZh: z.string(),
  province: z.string(),
  provinceName: z.string(),
  provinceNameZh: z.string(),
});
export type City = z.infer<typeof city>;

export const institutionList = z.object({ items: z.array(institution) });
export const cityList = z.object({ items: z.array(city) });
