// Placeholder entry point: the collector agent is built under issue 2.
return 0;
