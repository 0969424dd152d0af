/**
 * Who may do what through the REST API. Roles are ordered, each allowing everything
 * the one before it does: a viewer reads, an analyst also ingests and judges, an admin
 * may do everything, so a check is one comparison rather than a permission table.
 */
export const ACCESS_ROLES = ["viewer", "analyst", "admin"] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** Whether a holder of `role` may do what needs `needed`. */
export function roleAllows(role: AccessRole, needed: AccessRole): boolean {
  return ACCESS_ROLES.indexOf(role) >= ACCESS_ROLES.indexOf(needed);
}

/** Narrows user input or a stored string to a role. */
export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === "string" && (ACCESS_ROLES as readonly string[]).includes(value);
}
