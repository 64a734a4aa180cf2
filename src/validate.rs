//! Raw model → checked model. (skeleton: to be implemented)
