// A server that cannot take its port: say which setting fixes it, rather than Node's "listen EADDRINUSE".

/** The listen error in words naming the setting that fixes it (in use, or reserved); any other error as it was.
 *  `port` describes the port ("Port 3000", "Port 3000 on 127.0.0.1"), `setting` what to change. */
export function listenError(err: unknown, port: string, setting: string): unknown {
  switch ((err as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return new Error(
        `${port} is already in use by another program: stop that program, or set ${setting} to a free port.`,
      );
    case 'EACCES':
      return new Error(`${port} needs administrator rights on this machine: set ${setting} to a port from 1024 up.`);
    default:
      return err;
  }
}
