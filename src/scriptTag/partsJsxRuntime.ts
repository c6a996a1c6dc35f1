/** What the parts' scripts use of `react/jsx-runtime` (Preact's in this build), published with partsReact.ts. */
export { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
