// Who is asking: a user or an API key, with its role and institution. The authentication
// middleware finds it on the request (http/principal.ts); services decide with it.
import type { Role } from '../contract/common.js';

export interface Principal {
  username: string;
  role: Role;
  /** The institution a user or API key belongs to; null for central bank roles. */
  institution: string | null;
  via: 'session' | 'api-key';
  apiKeyId?: string;
}

/** Central bank roles read every institution's data; an institution only its own. */
export function canSeeInstitution(principal: Principal, institution: string): boolean {
  return principal.role !== 'institution' || principal.institution === institution;
}
