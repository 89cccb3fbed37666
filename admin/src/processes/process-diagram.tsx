import '@xyflow/react/dist/style.css';
import { Box, Stack, Typography } from '@mui/material';
import { MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { familyOf } from '../../../workflows/human-step/step-catalogue';
import { layoutSteps, type PlacedEdge } from './diagram-layout';
import { stepLabel } from './step-label';
import { NODE_WIDTH, StepNode, type StepNodeType, type StepState } from './step-node';
import type { ProcessDefinition, ProcessDetail } from './types';

const ROW = 78;
const COLUMN = NODE_WIDTH + 50;
const nodeTypes = { step: StepNode };
const HANDLES = { down: ['b', 't'], skip: ['rs', 'rt'], back: ['ls', 'lt'] } as const;

/** Back edges taken: every 退回 from a step (by its family in the catalogue) to the one it names. */
const returnsOf = (definition: ProcessDefinition, process: ProcessDetail) =>
    new Set(
        process.timeline
            .filter((entry) => entry.action === 'return' && entry.stepKey && typeof entry.detail?.returnTo === 'string')
            .map((entry) => `${familyOf(definition.steps, entry.stepKey!) ?? entry.stepKey}>${entry.detail.returnTo}`),
    );

const isTaken = (edge: PlacedEdge, process: ProcessDetail, returns: Set<string>): boolean => {
    if (edge.kind === 'back') return returns.has(edge.id);
    const path = process.path;
    if (!path.includes(edge.source) || !path.includes(edge.target)) return false;
    // into 结束 only from the last step before the end
    return edge.target !== 'end' || path[path.length - 2] === edge.source;
};

/** The steps of the process type, with the run's path highlighted and its open steps emphasised. */
export const ProcessDiagram = ({ definition, process }: { definition: ProcessDefinition; process: ProcessDetail }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { nodes, edges, height } = useMemo(() => {
        const layout = layoutSteps(definition.steps);
        const returns = returnsOf(definition, process);
        const stateOf = (key: string): StepState =>
            process.current.includes(key) ? 'current' : process.path.includes(key) ? 'path' : 'idle';
        const nodes: StepNodeType[] = layout.steps.map(({ step, layer, column }) => ({
            id: step.key,
            type: 'step',
            position: { x: column * COLUMN, y: layer * ROW },
            data: {
                label: stepLabel(locale, definition, step.key),
                role: step.role ? translate(`qinglan.roles.${step.role}`, { _: step.role }) : '',
                state: stateOf(step.key),
                stepKey: step.key,
            },
        }));
        const edges: Edge[] = layout.edges.map((edge) => {
            const taken = isTaken(edge, process, returns);
            const color = taken ? '#1f5f8b' : '#b0bec5';
            const [sourceHandle, targetHandle] = HANDLES[edge.kind];
            return {
                id: edge.id,
                source: edge.source,
                target: edge.target,
                sourceHandle,
                targetHandle,
                type: edge.kind === 'down' ? 'straight' : 'smoothstep',
                pathOptions: { offset: 18 + edge.span * 8, borderRadius: 10 },
                animated: taken && process.current.includes(edge.target),
                markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
                style: { stroke: color, strokeWidth: taken ? 2.2 : 1.2, strokeDasharray: taken ? undefined : '5 4' },
                className: taken ? 'qinglan-edge--taken' : 'qinglan-edge',
            };
        });
        return { nodes, edges, height: layout.layers * ROW + 30 };
    }, [definition, process, translate, locale]);

    return (
        <Box className="qinglan-diagram">
            <Box sx={{ height, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fafcfd' }}>
                <ReactFlow
                    nodes={nodes}
                    edges={edges}
                    nodeTypes={nodeTypes}
                    fitView
                    fitViewOptions={{ padding: 0.06, maxZoom: 1 }}
                    nodesDraggable={false}
                    nodesConnectable={false}
                    elementsSelectable={false}
                    zoomOnScroll={false}
                    panOnScroll={false}
                    preventScrolling={false}
                    zoomOnDoubleClick={false}
                />
            </Box>
            <Stack direction="row" spacing={2} sx={{ mt: 1, fontSize: 12 }}>
                {(['path', 'current', 'idle'] as const).map((state) => (
                    <Typography
                        key={state}
                        variant="caption"
                        className={`qinglan-legend--${state}`}
                        sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
                    >
                        <Box
                            component="span"
                            sx={{ width: 14, height: 10, borderRadius: 0.5, display: 'inline-block', ...LEGEND[state] }}
                        />
                        {translate(`qinglan.processes.legend.${state}`)}
                    </Typography>
                ))}
            </Stack>
        </Box>
    );
};

const LEGEND: Record<StepState, object> = {
    path: { bgcolor: '#e3eef6', border: '2px solid #1f5f8b' },
    current: { bgcolor: '#fff4e5', border: '2px solid #ed6c02' },
    idle: { bgcolor: '#fff', border: '1px dashed #b0bec5' },
};
