import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import type { City, Institution, ItemList } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';

/** Institutions and cities, fetched once and shared by every page that names them. */
@Injectable({ providedIn: 'root' })
export class ReferenceData {
  private readonly format = inject(LocaleFormat);
  private readonly institutionList = httpResource<ItemList<Institution>>(() => '/api/v1/institutions');
  private readonly cityList = httpResource<ItemList<City>>(() => '/api/v1/cities');

  readonly institutions = computed(() => (this.institutionList.hasValue() ? this.institutionList.value().items : []));
  readonly cities = computed(() => (this.cityList.hasValue() ? this.cityList.value().items : []));
  private readonly institutionById = computed(() => new Map(this.institutions().map((i) => [i.id, i])));
  private readonly cityByCode = computed(() => new Map(this.cities().map((c) => [c.code, c])));

  /** "支付宝" in Chinese, "Alipay" in English; the id itself while unknown. Follows the language signal. */
  institutionName(id: string): string {
    return this.format.name(this.institutionById().get(id), id);
  }

  /** "北京市" in Chinese, "Beijing" in English; the code itself while unknown. Follows the language signal. */
  cityName(code: string): string {
    return this.format.name(this.cityByCode().get(code), code);
  }

  institution(id: string): Institution | undefined {
    return this.institutionById().get(id);
  }

  city(code: string): City | undefined {
    return this.cityByCode().get(code);
  }
}
