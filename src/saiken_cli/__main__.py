from saiken_cli.app import main

raise SystemExit(main())
