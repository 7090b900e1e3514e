"""The main window: its menus, the survey tree and the footprints it shows, settings."""
