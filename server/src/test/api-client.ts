// A small HTTP client for tests that behaves like a browser: keeps the session cookie and sends
// the XSRF header back, as Angular's HttpClient does.

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ApiClient {
  private cookies = new Map<string, string>();
  /** Extra headers on every request, e.g. Authorization for an API key. */
  readonly headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  async logIn(username: string, password: string): Promise<ApiResponse> {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${res.text}`);
    return res;
  }

  get<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('GET', path, undefined, headers);
  }

  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('POST', path, body === undefined ? undefined : JSON.stringify(body), {
      'content-type': 'application/json',
      ...headers,
    });
  }

  patch<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PATCH', path, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
  }

  put<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PUT', path, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
  }

  delete<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('DELETE', path, undefined, headers);
  }

  postForm<T = any>(path: string, form: FormData, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('POST', path, form, headers);
  }

  /** Sends a raw body with the given content type (for malformed JSON and the like). */
  postRaw<T = any>(
    path: string,
    body: string | Uint8Array,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    return this.request('POST', path, body as BodyInit, { 'content-type': contentType, ...headers });
  }

  /** A GET whose body is kept as bytes (file downloads: XLSX, PDF). */
  async download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const headers: Record<string, string> = { ...this.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.baseUrl + path, { headers });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T>(method: string, path: string, body: BodyInit | undefined, headers: Record<string, string>): Promise<ApiResponse<T>> {
    const all: Record<string, string> = { ...this.headers, ...headers };
    if (this.cookies.size > 0) all.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && method !== 'GET' && !('x-xsrf-token' in all)) all['x-xsrf-token'] = xsrf;
    const res = await fetch(this.baseUrl + path, { method, headers: all, body });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }
}
