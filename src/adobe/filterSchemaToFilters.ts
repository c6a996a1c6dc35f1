import type { FilterGroup } from '../core/options.ts';
import type { AdobeFilterGroup } from './adobeTypes.ts';

/**
 * Adobe's field names as the repository's: `type` (and `mimetype`) is the MIME type, and
 * `property=metadata.application.X.value` or `metadata.repository.X` name a metadata field.
 */
function fieldOf(name: string): string {
  const path = name.replace(/^property=/, '').replace(/\.value$/, '');
  if (path === 'type' || path === 'mimetype' || path === 'dc:format') return 'repositoryMetadata.dc:format';
  if (path.startsWith('metadata.application.')) return `assetMetadata.${path.slice('metadata.application.'.length)}`;
  if (path.startsWith('metadata.repository.')) return `repositoryMetadata.${path.slice('metadata.repository.'.length)}`;
  return path;
}

/**
 * `filterSchema` as our filter groups: one checkbox group per field, over the field's options
 * (labels as given; `image/*` matches the image types). Radios become checkboxes. A supplied
 * schema replaces the default panel, as in Adobe's selector; a field without options or a name
 * is left out. Anything that is not a schema is a TypeError naming `filterSchema`.
 */
export function filterSchemaToFilters(schema: unknown): FilterGroup[] {
  if (!Array.isArray(schema)) throw new TypeError(`asset-selector: prop "filterSchema" must be an array of filter groups, got ${typeof schema}`);
  const groups: FilterGroup[] = [];
  (schema as AdobeFilterGroup[]).forEach((group, g) => {
    if (!group || typeof group !== 'object' || (group.fields !== undefined && !Array.isArray(group.fields))) {
      throw new TypeError(`asset-selector: prop "filterSchema[${g}]" must be a group with "fields" (an array)`);
    }
    (group.fields ?? []).forEach((field, f) => {
      const values = (Array.isArray(field?.options) ? field.options : [])
        .filter((o) => o && typeof o.value === 'string' && o.value !== '')
        .map((o) => ({ value: o.value!, label: typeof o.label === 'string' ? o.label : o.value! }));
      if (typeof field?.name !== 'string' || values.length === 0) return;
      groups.push({
        id: `${group.groupKey ?? `group${g}`}.${f}`,
        label: field.label ?? group.header ?? field.name,
        type: 'values',
        field: fieldOf(field.name),
        values,
      });
    });
  });
  return groups;
}
