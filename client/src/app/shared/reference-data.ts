import { httpResource } from '@angular/common/http';
import { computed, Injectable } from '@angular/core';
import type { City, Institution, ItemList } from '../core/api/api-types';

/** Institutions and cities, fetched once and shared by every page that names them. */
@Injectable({ providedIn: 'root' })
export class ReferenceData {
  private readonly institutionList = httpResource<ItemList<Institution>>(() => '/api/v1/institutions');
  private readonly cityList = httpResource<ItemList<City>>(() => '/api/v1/cities');

  readonly institutions = computed(() => (this.institutionList.hasValue() ? this.institutionList.value().items : []));
  readonly cities = computed(() => (this.cityList.hasValue() ? this.cityList.value().items : []));
  private readonly institutionById = computed(() => new Map(this.institutions().map((i) => [i.id, i])));
  private readonly cityByCode = computed(() => new Map(this.cities().map((c) => [c.code, c])));

  /** "Alipay 支付宝" when known, else the id itself. */
  institutionName(id: string): string {
    const found = this.institutionById().get(id);
    return found ? found.name : id;
  }

  institution(id: string): Institution | undefined {
    return this.institutionById().get(id);
  }

  city(code: string): City | undefined {
    return this.cityByCode().get(code);
  }
}
