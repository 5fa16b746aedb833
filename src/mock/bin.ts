#!/usr/bin/env node
// The `chatwoot-conversations-mock` command of the installed package (dist/mock-bin.js).
import { main } from "./cli.js";

void main();
