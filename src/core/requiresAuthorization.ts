/**
 * The asset metadata in which a repository names the roles allowed to see a restricted asset, as
 * AEM marks restricted delivery. Its delivery URLs answer only a request that carries the token
 * of someone with one of these roles; to anyone else the asset does not exist (404).
 */
export const RESTRICTED_ROLES_FIELD = 'dam:roles';

/**
 * Whether an asset's delivery URLs need the caller's token: it names roles in
 * {@link RESTRICTED_ROLES_FIELD} (a list, or one role as a string). Public assets have none, and
 * an `<img>` can show them as is; a restricted one must be fetched with `Authorization`.
 */
export function requiresAuthorization(asset: { assetMetadata: Readonly<Record<string, unknown>> }): boolean {
  const roles = asset.assetMetadata[RESTRICTED_ROLES_FIELD];
  if (typeof roles === 'string') return roles.trim() !== '';
  return Array.isArray(roles) && roles.some((role) => typeof role === 'string' && role.trim() !== '');
}
