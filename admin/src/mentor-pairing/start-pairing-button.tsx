import HandshakeIcon from '@mui/icons-material/Handshake';
import { Button } from 'react-admin';

/** Opens 发起导师帮带. */
export const StartPairingButton = () => (
    <Button to="/mentor-pairing/create" label="qinglan.mentor_pairing.start">
        <HandshakeIcon />
    </Button>
);
