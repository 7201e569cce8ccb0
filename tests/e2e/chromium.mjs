// Debian's Chromium, started the way these machines need it: as root, with
// no sandbox, and with nothing that reaches the network by itself.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchOptions = { executablePath: CHROMIUM, args: CHROMIUM_ARGS };
