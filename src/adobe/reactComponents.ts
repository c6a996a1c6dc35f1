import { createElement, type ReactElement } from 'react';
import type { AdobeSelectorProps } from './adobeTypes.ts';
import type { PureJSSelectorsApi } from './createPureJSSelectors.ts';

type Render = PureJSSelectorsApi['renderAssetSelector'];

/** The components' props: Adobe's, and `onRenderComplete` (the render functions' third argument). */
export type AdobeComponentProps = AdobeSelectorProps & { onRenderComplete?: () => void };

/** What the components are to React: a class component (no hooks). */
export interface HostComponent {
  props: AdobeComponentProps;
  render(): ReactElement;
  componentDidMount(): void;
  componentDidUpdate(): void;
  componentWillUnmount(): void;
}

/**
 * A React component that renders one plain `<div>` and draws the selector into it with our own
 * renderer (`mount()`), as the render functions do. It is a class marked the way React marks
 * `Component` subclasses, and uses no hook, so it works when the page's `react` is another copy
 * than the one the selector resolves (hooks of two copies break; a plain element does not).
 */
export function hostComponent(name: string, render: Render, api: PureJSSelectorsApi): new (props: AdobeComponentProps) => HostComponent {
  class Component implements HostComponent {
    props: AdobeComponentProps;
    #host: HTMLDivElement | null = null;
    #ref = (element: HTMLDivElement | null) => {
      if (element) this.#host = element;
    };

    constructor(props: AdobeComponentProps) {
      this.props = props;
    }

    render(): ReactElement {
      return createElement('div', { ref: this.#ref, style: { width: '100%', height: '100%' } });
    }

    componentDidMount(): void {
      this.#draw();
    }

    componentDidUpdate(): void {
      this.#draw();
    }

    componentWillUnmount(): void {
      if (this.#host) api.unrender(this.#host);
    }

    #draw(): void {
      if (this.#host) render(this.#host, this.props, this.props.onRenderComplete);
    }
  }
  (Component.prototype as unknown as { isReactComponent: object }).isReactComponent = {};
  Object.defineProperty(Component, 'displayName', { value: name });
  return Component;
}
