import { dayEnd, dayStart } from './dateBounds.ts';
import { and, exists, match, not, or, range, term } from './queryBuilder.ts';

/**
 * The builders an advanced query's translation into clauses uses (advancedQueryTranslator), as
 * one object. The selector has them anyway; its editors' script takes this object through
 * ui/editorHost.ts instead of carrying a second copy.
 */
export const CLAUSE_BUILDERS = { and, exists, match, not, or, range, term, dayStart, dayEnd };

export type ClauseBuilders = typeof CLAUSE_BUILDERS;
