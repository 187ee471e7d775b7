#!/usr/bin/env node
// The installed `airisk` command: runs the compiled CLI (built by `npm install` through the prepare script).
import '../dist/app/cli.js';
