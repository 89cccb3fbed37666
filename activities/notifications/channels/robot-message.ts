// The markdown both group robots post: the title as a heading, the body, and a link that
// opens the task in the console.
export interface RobotMessage {
  title: string;
  /** Markdown; DingTalk and WeCom both render headings, paragraphs and links. */
  markdown: string;
}

/** WeCom refuses markdown over 4096 bytes; a long body is cut so the link always survives. */
export const ROBOT_MAX_BYTES = 4096;
export const OPEN_IN_CONSOLE = '在青蓝中查看';
const CUT_MARK = '……';

function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let used = Buffer.byteLength(CUT_MARK);
  let out = '';
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > maxBytes) break;
    out += ch;
  }
  return out + CUT_MARK;
}

export function robotMessage(title: string, body: string, absoluteLink: string | null): RobotMessage {
  const head = `### ${title}\n\n`;
  const tail = absoluteLink ? `\n\n[${OPEN_IN_CONSOLE}](${absoluteLink})` : '';
  const room = ROBOT_MAX_BYTES - Buffer.byteLength(head) - Buffer.byteLength(tail);
  return { title, markdown: head + cutToBytes(body, Math.max(room, 0)) + tail };
}
