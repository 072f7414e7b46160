import { describe, expect, it } from 'vitest';
import { findImportCycles, formatChain, stronglyConnected } from './import-cycles';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('import cycles', () => {
  it('finds none in a tree or a diamond', () => {
    expect(findImportCycles(graph({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['d.ts'], 'c.ts': ['d.ts'], 'd.ts': [] }))).toEqual([]);
  });

  it('reports a two-file cycle as a chain back to its start', () => {
    const cycles = findImportCycles(graph({ 'a.ts': ['b.ts'], 'b.ts': ['a.ts'], 'c.ts': ['a.ts'] }));
    expect(cycles.map(formatChain)).toEqual(['a.ts → b.ts → a.ts']);
  });

  it('reports a self-import', () => {
    expect(findImportCycles(graph({ 'a.ts': ['a.ts'] })).map(formatChain)).toEqual(['a.ts → a.ts']);
  });

  it('follows a long loop in import order', () => {
    const cycles = findImportCycles(graph({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['d.ts'], 'd.ts': ['a.ts', 'e.ts'], 'e.ts': [] }));
    expect(cycles.map(formatChain)).toEqual(['a.ts → b.ts → c.ts → d.ts → a.ts']);
  });

  it('covers every file of a knot with short chains, and keeps separate knots apart', () => {
    const knot = graph({
      'hub.ts': ['x.ts', 'y.ts'], 'x.ts': ['hub.ts'], 'y.ts': ['hub.ts'],
      'p.ts': ['q.ts'], 'q.ts': ['p.ts'],
      'leaf.ts': [],
    });
    expect(stronglyConnected(knot)).toEqual([['hub.ts', 'x.ts', 'y.ts'], ['p.ts', 'q.ts']]);
    expect(findImportCycles(knot).map(formatChain)).toEqual(['hub.ts → x.ts → hub.ts', 'y.ts → hub.ts → y.ts', 'p.ts → q.ts → p.ts']);
  });

  it('ignores edges to files outside the graph', () => {
    expect(findImportCycles(graph({ 'a.ts': ['missing.ts'] }))).toEqual([]);
  });
});
