/**
 * `pure(Component)`: a component that skips re-rendering when none of its props changed
 * (compared one by one, by identity), as React's `memo` does. Preact's own `memo` lives in
 * `preact/compat`, which changes how every form event behaves when imported; this does not.
 */
import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/** True when `a` and `b` have the same keys holding identical values. */
export function sameProps(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.is(left[key], right[key]));
}

/** `component`, re-rendered only when a prop changed. */
export function pure<P extends object>(component: FunctionComponent<P>): ComponentType<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !sameProps(this.props, next);
    }

    override render(props: P) {
      return h(component, props);
    }
  }
  return Pure;
}
