export const IMPORT_CYCLES_RULE = 'No import cycles, type-only imports included: move the shared type to its own file that both import.';

/** Strongly connected components (Tarjan), each sorted; only those that hold a cycle (two or more files, or a self-import). */
export function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;

  const connect = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfImport = component.length === 1 && (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfImport) components.push(component.sort());
    }
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest chain start → … → start inside one component (breadth-first), `start` repeated at the end. */
function shortestCycle(graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head]!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path: string[] = [];
        for (let step: string | undefined = node; step !== start && step !== undefined; step = previous.get(step)) path.unshift(step);
        return [start, ...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * Every import cycle as a chain of files `a.ts → b.ts → a.ts`: per component, shortest cycles until each of
 * its files is in at least one chain (a knot of files reads as a few short loops, not one long walk).
 */
export function findImportCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const chains: string[][] = [];
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component);
    const covered = new Set<string>();
    for (const start of component) {
      if (covered.has(start)) continue;
      const chain = shortestCycle(graph, members, start);
      chain.forEach((file) => covered.add(file));
      chains.push(chain);
    }
  }
  return chains;
}

export function formatChain(chain: readonly string[]): string {
  return chain.join(' → ');
}
