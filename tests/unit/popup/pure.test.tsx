// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { pure, sameProps } from '../../../components/pure';

describe('sameProps', () => {
  it('compares each prop by identity, and the set of keys', () => {
    const f = () => {};
    expect(sameProps({ a: 1, f }, { a: 1, f })).toBe(true);
    expect(sameProps({ a: 1, f }, { a: 1, f: () => {} })).toBe(false);
    expect(sameProps({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameProps({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
  });
});

describe('pure', () => {
  it('renders again only when a prop changed', () => {
    let renders = 0;
    const Counted = pure(({ label }: { label: string; data: object }) => {
      renders += 1;
      return <p>{label}</p>;
    });
    const container = document.createElement('div');
    const data = {};
    render(<Counted label="one" data={data} />, container);
    render(<Counted label="one" data={data} />, container);
    expect(renders).toBe(1);
    render(<Counted label="two" data={data} />, container);
    expect(renders).toBe(2);
    expect(container.textContent).toBe('two');
    render(<Counted label="two" data={{}} />, container);
    expect(renders).toBe(3);
  });
});
