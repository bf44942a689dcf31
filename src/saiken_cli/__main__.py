from saiken_cli.entry import main

raise SystemExit(main())
