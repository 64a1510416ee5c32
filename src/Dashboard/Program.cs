// Placeholder entry point: the dashboard generator is built under issue 2.
return 0;
