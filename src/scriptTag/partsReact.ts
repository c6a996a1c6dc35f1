/**
 * What the script-tag build's parts' scripts use of `react` (src/scriptTag/react.ts: Preact's
 * compat with a page-wide useId), published to them by lazyParts.ts. Only these names: the main
 * script's Preact is then tree-shaken of what no script uses (Suspense, lazy, Children, hydrate…,
 * 0.8 kB gzip). `npm run lint` (build/checkLayers.ts) fails when a lazy part imports from `react` a
 * name that is not here.
 */
export { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'preact/compat';
export { useId } from './react.ts';
