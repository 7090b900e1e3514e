"""The Qt desktop app (PySide6). Thin: it shows and collects; the engine computes, storage keeps."""
