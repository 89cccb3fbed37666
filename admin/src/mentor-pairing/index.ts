import HandshakeIcon from '@mui/icons-material/Handshake';
import { MentorPairingCreate } from './mentor-pairing-create';

export { BulkPairingButton } from './bulk-pairing-button';
export { MentorPairingCreate };
export { StartPairingButton } from './start-pairing-button';

/** 发起导师帮带 lives at /mentor-pairing/create; the pairings themselves are processes. */
export default {
    create: MentorPairingCreate,
    icon: HandshakeIcon,
};
