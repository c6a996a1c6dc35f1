/** The widest stand-in preview shown while a control is moving. */
const STAND_IN_WIDTH = 480;

/**
 * The draft's modifiers at a reduced width, for the quick preview that stands in while a slider
 * or a crop handle moves: the width is capped (the height scaled with it, so the shape is kept),
 * and an image without a size gets the cap as its width.
 */
export function standInModifiers(modifiers: Readonly<Record<string, string>>, cap = STAND_IN_WIDTH): Record<string, string> {
  const next = { ...modifiers };
  const width = Number(modifiers.width);
  const height = Number(modifiers.height);
  const dpr = Number(modifiers.dpr) || 1;
  const hasWidth = modifiers.width !== undefined && width > 0;
  const hasHeight = modifiers.height !== undefined && height > 0;
  delete next.dpr;
  if (hasWidth) {
    const scaled = width * dpr;
    if (scaled <= cap && dpr === 1) return { ...modifiers };
    const factor = Math.min(1, cap / scaled) * dpr;
    next.width = String(Math.max(1, Math.round(width * factor)));
    if (hasHeight) next.height = String(Math.max(1, Math.round(height * factor)));
  } else if (hasHeight) {
    next.height = String(Math.max(1, Math.min(cap, Math.round(height * dpr))));
  } else {
    next.width = String(cap);
  }
  return next;
}
