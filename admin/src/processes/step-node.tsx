import { Box } from '@mui/material';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';

export type StepState = 'path' | 'current' | 'idle';

export type StepNodeData = { label: string; role: string; state: StepState; stepKey: string };
export type StepNodeType = Node<StepNodeData, 'step'>;

export const NODE_WIDTH = 220;

const LOOK: Record<StepState, object> = {
    path: { bgcolor: '#e3eef6', border: '2px solid #1f5f8b', color: '#12384f' },
    current: {
        bgcolor: '#fff4e5',
        border: '3px solid #ed6c02',
        color: '#7a3a00',
        fontWeight: 700,
        boxShadow: '0 0 0 4px rgba(237,108,2,0.18)',
    },
    idle: { bgcolor: '#ffffff', border: '1px dashed #b0bec5', color: 'text.secondary' },
};

const hidden = { opacity: 0, width: 6, height: 6, minWidth: 0, minHeight: 0, border: 0 };

/** One step of the diagram; handles on every side so detours go round the column. */
export const StepNode = ({ data }: NodeProps<StepNodeType>) => (
    <Box
        className={`qinglan-step qinglan-step--${data.state}`}
        data-step={data.stepKey}
        data-state={data.state}
        sx={{
            width: NODE_WIDTH,
            px: 1.5,
            py: 0.75,
            borderRadius: 2,
            textAlign: 'center',
            fontSize: 14,
            lineHeight: 1.35,
            ...LOOK[data.state],
        }}
    >
        <Handle type="target" position={Position.Top} id="t" style={hidden} />
        <Handle type="source" position={Position.Bottom} id="b" style={hidden} />
        <Handle type="source" position={Position.Right} id="rs" style={{ ...hidden, top: '35%' }} />
        <Handle type="target" position={Position.Right} id="rt" style={{ ...hidden, top: '65%' }} />
        <Handle type="source" position={Position.Left} id="ls" style={{ ...hidden, top: '35%' }} />
        <Handle type="target" position={Position.Left} id="lt" style={{ ...hidden, top: '65%' }} />
        <div>{data.label}</div>
        {data.role && <Box sx={{ fontSize: 11, fontWeight: 400, opacity: 0.8 }}>{data.role}</Box>}
    </Box>
);
