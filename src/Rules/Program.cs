// Placeholder entry point: the Rules service is built under issue 2.
return 0;
