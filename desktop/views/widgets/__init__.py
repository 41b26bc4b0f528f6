"""Small widgets and models shared by pages."""
