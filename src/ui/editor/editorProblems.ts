import { validateModifiers } from '../../core/modifierRules.ts';
import type { ImagePreset, ProblemDetails, SmartCrop } from '../../core/types.ts';

/**
 * The editor's controls that can carry a message, keyed by the modifier they set (`format` is
 * the URL's extension; `general` is a message with no control to stand beside).
 */
const CONTROL_KEYS = [
  'width', 'height', 'dpr', 'fit', 'format', 'quality', 'max-quality', 'auto-format', 'rotate', 'flip', 'blur', 'sharpen',
  'unsharp-mask', 'background-color', 'preset', 'smartcrop', 'crop',
] as const;
export type ControlKey = (typeof CONTROL_KEYS)[number] | 'general';

/** Messages per control. */
export type ControlMessages = Partial<Record<ControlKey, string>>;

function controlFor(name: string | undefined): ControlKey {
  return (CONTROL_KEYS as readonly string[]).includes(name ?? '') ? (name as ControlKey) : 'general';
}

/** What the editor knows of the repository besides the URL: the sizes `dpr` scales come from them. */
export interface RepositoryFacts {
  presets?: readonly ImagePreset[] | undefined;
  smartCrops?: readonly SmartCrop[] | undefined;
}

/**
 * The client-side rule violations of a draft, by control (the first message per control). With the
 * presets and the asset's smart crops, a `dpr` that would scale a preset's or a smart crop's size
 * below 1 px is caught too (`preset=thumbnail&dpr=0.001`), as the repository would refuse it.
 */
export function clientMessages(modifiers: Readonly<Record<string, string>>, facts: RepositoryFacts = {}): ControlMessages {
  const messages: ControlMessages = {};
  const context = { ...(facts.presets ? { presets: facts.presets } : {}), ...(facts.smartCrops ? { smartCrops: facts.smartCrops } : {}) };
  for (const issue of validateModifiers(modifiers, context)) {
    const key = controlFor(issue.modifier);
    messages[key] ??= issue.message;
  }
  return messages;
}

/**
 * Where the server's refusal belongs: its `parameter`, else the `detail` prefix before ":" (the
 * repository starts its details with the parameter at fault), else nowhere in particular.
 */
export function serverMessages(problem: ProblemDetails | undefined, fallback: string): ControlMessages {
  const detail = problem?.detail ?? problem?.title ?? fallback;
  const prefix = /^([\w-]+)\s*:/.exec(detail)?.[1];
  return { [controlFor(problem?.parameter ?? prefix)]: detail };
}
