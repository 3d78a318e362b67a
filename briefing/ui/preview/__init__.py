"""The pages as they will print: the live preview and the page view it draws into."""
