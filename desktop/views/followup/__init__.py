"""The Uppföljning page: open follow-up tasks, overdue and due this week."""
