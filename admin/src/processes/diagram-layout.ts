import type { StepDefinition } from './types';

export type EdgeKind = 'down' | 'skip' | 'back';

export interface PlacedStep {
    step: StepDefinition;
    layer: number;
    /** Offset from the centre line of its layer, in columns. */
    column: number;
}

export interface PlacedEdge {
    id: string;
    source: string;
    target: string;
    kind: EdgeKind;
    /** Layers crossed: longer detours are drawn further out. */
    span: number;
}

/**
 * Lays the steps out top to bottom: each step one layer below the furthest step leading to
 * it; edges that lead back (退回, another round) are found by a depth-first walk and drawn on
 * the left, edges that skip layers on the right.
 */
export const layoutSteps = (steps: StepDefinition[]): { steps: PlacedStep[]; edges: PlacedEdge[]; layers: number } => {
    const byKey = new Map(steps.map((step) => [step.key, step]));
    const links = steps.flatMap((step) =>
        step.next.filter((target) => byKey.has(target)).map((target) => ({ source: step.key, target })),
    );

    const back = new Set<string>();
    const state = new Map<string, 'open' | 'done'>();
    const visit = (key: string) => {
        state.set(key, 'open');
        for (const target of byKey.get(key)!.next) {
            if (!byKey.has(target)) continue;
            if (state.get(target) === 'open') back.add(`${key}>${target}`);
            else if (!state.has(target)) visit(target);
        }
        state.set(key, 'done');
    };
    for (const step of steps) if (!state.has(step.key)) visit(step.key);

    const forward = links.filter((link) => !back.has(`${link.source}>${link.target}`));
    const layer = new Map(steps.map((step) => [step.key, 0]));
    // longest path: relax as often as there are steps (the forward graph has no cycle)
    for (let round = 0; round < steps.length; round++) {
        for (const { source, target } of forward) {
            if (layer.get(target)! < layer.get(source)! + 1) layer.set(target, layer.get(source)! + 1);
        }
    }

    const layers = Math.max(0, ...layer.values()) + 1;
    const placed = steps.map((step) => {
        const sameLayer = steps.filter((other) => layer.get(other.key) === layer.get(step.key));
        return {
            step,
            layer: layer.get(step.key)!,
            column: sameLayer.indexOf(step) - (sameLayer.length - 1) / 2,
        };
    });
    const edges = links.map(({ source, target }) => {
        const span = Math.abs(layer.get(target)! - layer.get(source)!);
        const kind: EdgeKind = back.has(`${source}>${target}`) ? 'back' : span === 1 ? 'down' : 'skip';
        return { id: `${source}>${target}`, source, target, kind, span };
    });
    return { steps: placed, edges, layers };
};
